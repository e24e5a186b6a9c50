package dev.verbatim.server.pipeline;

import dev.verbatim.core.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Decides which streams to recognise and whose speech each one is. */
final class TrackPlan {

  private TrackPlan() {}

  static List<TrackSource> of(TrackLayout layout, Map<Path, SourceFile> probes) {
    List<TrackSource> sources = new ArrayList<>();
    List<Map.Entry<Path, SourceFile>> files = List.copyOf(probes.entrySet());
    switch (layout) {
      case MIXED -> {
        Map.Entry<Path, SourceFile> only = files.get(0);
        sources.add(new TrackSource(only.getKey(), only.getValue(), -1, "S1", null));
      }
      case CHANNEL_PER_SPEAKER -> {
        Map.Entry<Path, SourceFile> only = files.get(0);
        for (int channel = 0; channel < only.getValue().channels(); channel++) {
          sources.add(
              new TrackSource(only.getKey(), only.getValue(), channel, "S" + (channel + 1), null));
        }
      }
      case FILE_PER_SPEAKER -> {
        for (int i = 0; i < files.size(); i++) {
          Map.Entry<Path, SourceFile> file = files.get(i);
          String name = MeetingPipeline.defaultTitle(file.getKey());
          sources.add(new TrackSource(file.getKey(), file.getValue(), -1, "S" + (i + 1), name));
        }
      }
    }
    return sources;
  }
}
