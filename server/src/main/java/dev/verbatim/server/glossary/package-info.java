/**
 * The glossary: terms the organisation and each meeting care about, put in place of sound-alike
 * misrecognitions after recognition, with every correction recorded so it can be undone.
 */
@NullMarked
package dev.verbatim.server.glossary;

import org.jspecify.annotations.NullMarked;
