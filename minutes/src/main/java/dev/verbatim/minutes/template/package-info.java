/**
 * Minutes templates: which sections minutes show, and in what order, per type of meeting. Both the
 * minutes engine and the documents read them.
 */
@NullMarked
package dev.verbatim.minutes.template;

import org.jspecify.annotations.NullMarked;
