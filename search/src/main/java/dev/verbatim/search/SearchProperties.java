package dev.verbatim.search;

import java.nio.file.Path;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the search index lives.
 *
 * @param indexDir the directory of the Lucene index; it is created when missing and can be deleted
 *     at any time to have it rebuilt
 * @param inMemory keep the index in memory only, for one-shot commands that search nothing
 */
@ConfigurationProperties("verbatim.search")
public record SearchProperties(
    @DefaultValue("data/index") Path indexDir, @DefaultValue("false") boolean inMemory) {}
