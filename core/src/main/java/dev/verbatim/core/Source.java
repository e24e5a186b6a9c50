package dev.verbatim.core;

import java.util.List;

/** The recordings a meeting was made from. */
public record Source(List<SourceFile> files) {

  public Source {
    files = List.copyOf(files);
  }
}
