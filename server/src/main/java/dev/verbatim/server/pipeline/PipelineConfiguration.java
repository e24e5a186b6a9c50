package dev.verbatim.server.pipeline;

import dev.verbatim.ingest.MediaReader;
import dev.verbatim.transcribe.TranscribeProperties;
import dev.verbatim.transcribe.Transcriber;
import dev.verbatim.transcribe.TranscriptAssembler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** Wires ingest and transcription into the meeting pipeline. */
@Configuration(proxyBeanMethods = false)
class PipelineConfiguration {

  @Bean
  MeetingPipeline meetingPipeline(
      MediaReader media, Transcriber transcriber, TranscribeProperties properties) {
    int workers =
        properties.workers() > 0
            ? properties.workers()
            : Runtime.getRuntime().availableProcessors();
    TranscriptAssembler assembler =
        new TranscriptAssembler(properties.segmentPause(), properties.maxChunk());
    return new MeetingPipeline(
        media, transcriber, assembler, properties.defaultLanguage(), workers);
  }

  @Bean
  MeetingDocuments meetingDocuments(JsonMapper json) {
    return new MeetingDocuments(json);
  }
}
