/**
 * The minutes evaluation set: scripted meetings with the action items and decisions a good minutes
 * engine finds in them ({@code eval/minutes/*.meeting}), and the scorer that compares an engine's
 * minutes with them.
 */
@NullMarked
package dev.verbatim.testsupport.evaluation;

import org.jspecify.annotations.NullMarked;
