/** Where recordings are kept: a small interface and its local-disk implementation. */
@NullMarked
package dev.verbatim.server.storage;

import org.jspecify.annotations.NullMarked;
