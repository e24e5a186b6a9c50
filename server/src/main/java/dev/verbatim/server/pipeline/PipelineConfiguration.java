package dev.verbatim.server.pipeline;

import dev.verbatim.ingest.MediaReader;
import dev.verbatim.minutes.MinutesWriter;
import dev.verbatim.transcribe.TranscribeProperties;
import dev.verbatim.transcribe.Transcriber;
import dev.verbatim.transcribe.TranscriptAssembler;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires ingest, transcription and minutes into the meeting pipeline. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

  /** Segments stay short enough for a subtitle cue and a search hit. */
  private static final Duration MAX_SEGMENT = Duration.ofSeconds(30);

  @Bean
  MeetingPipeline meetingPipeline(
      MediaReader media,
      Transcriber transcriber,
      MinutesWriter minutes,
      TranscribeProperties properties) {
    int workers =
        properties.workers() > 0
            ? properties.workers()
            : Runtime.getRuntime().availableProcessors();
    TranscriptAssembler assembler = new TranscriptAssembler(properties.segmentPause(), MAX_SEGMENT);
    return new MeetingPipeline(
        media,
        transcriber,
        minutes,
        assembler,
        properties.defaultLanguage(),
        workers,
        properties.diarize());
  }

  @Bean
  MeetingDocuments meetingDocuments(JsonMapper json) {
    return new MeetingDocuments(json);
  }
}
