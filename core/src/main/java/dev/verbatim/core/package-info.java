/**
 * Immutable values shared by the Verbatim modules: the meeting document and its parts.
 *
 * <p>This package holds nouns only. It has no services, no I/O and no dependency beyond the JDK and
 * JSpecify, so every feature module can depend on it without depending on each other.
 */
@NullMarked
package dev.verbatim.core;

import org.jspecify.annotations.NullMarked;
