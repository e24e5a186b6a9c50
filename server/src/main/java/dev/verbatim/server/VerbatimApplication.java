package dev.verbatim.server;

import dev.verbatim.ingest.IngestConfiguration;
import dev.verbatim.minutes.MinutesConfiguration;
import dev.verbatim.transcribe.TranscribeConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;

/**
 * The Spring application: imports each feature module's configuration. The process starts in {@code
 * cli.VerbatimCommand}, which starts this application for the command that needs it.
 */
@SpringBootApplication
@Import({IngestConfiguration.class, TranscribeConfiguration.class, MinutesConfiguration.class})
public class VerbatimApplication {}
