package dev.verbatim.ingest;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what is accepted, bound from {@code verbatim.ingest.*}.
 *
 * @param maxFileSize the largest file probed or decoded; larger ones are rejected before FFmpeg
 *     reads them
 */
@ConfigurationProperties("verbatim.ingest")
public record IngestProperties(@DefaultValue("16GB") DataSize maxFileSize) {}
