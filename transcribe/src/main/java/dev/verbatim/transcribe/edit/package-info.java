/**
 * Corrections of a finished transcript that keep every word's timing: sound-alike replacement of
 * glossary terms the recogniser does not know ({@link dev.verbatim.transcribe.edit.Glossary}), and
 * a person's edits of a segment's text realigned to the recognised words ({@link
 * dev.verbatim.transcribe.edit.SegmentCorrection}).
 *
 * <p>Everything here is a pure function of its arguments: no model, no I/O, no state.
 */
@NullMarked
package dev.verbatim.transcribe.edit;

import org.jspecify.annotations.NullMarked;
