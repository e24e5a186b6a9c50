package dev.verbatim.server.glossary;

import dev.verbatim.core.Segment;
import dev.verbatim.server.job.TranscriptCorrector;
import dev.verbatim.transcribe.edit.Correction;
import dev.verbatim.transcribe.edit.Glossary;
import dev.verbatim.transcribe.edit.GlossaryTerm;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Applies the organisation's and the meeting's glossary to every freshly recognised meeting. */
@Component
class GlossaryCorrector implements TranscriptCorrector {

  private static final Logger log = LoggerFactory.getLogger(GlossaryCorrector.class);

  private final GlossaryStore store;

  GlossaryCorrector(GlossaryStore store) {
    this.store = store;
  }

  @Override
  public Applied correct(String meetingId, List<Segment> segments) {
    List<GlossaryTerm> terms = store.termsFor(meetingId);
    if (terms.isEmpty()) {
      return new Applied(segments, () -> store.replaceCorrections(meetingId, List.of()));
    }
    Correction correction = Glossary.of(terms).apply(segments);
    log.info(
        "Glossary of {} terms made {} corrections", terms.size(), correction.replacements().size());
    return new Applied(
        correction.segments(),
        () -> store.replaceCorrections(meetingId, correction.replacements()));
  }
}
