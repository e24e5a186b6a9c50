/**
 * Test fixtures for every module: scripted multi-speaker meetings spoken by flite, media
 * conversions with sox and ffmpeg, and the location of the speech model the build unpacked.
 *
 * <p>Nothing here is shipped: modules depend on it with test scope only. Fixtures are generated at
 * test time from text, so the repository stays small and the truth of each recording is known.
 */
@NullMarked
package dev.verbatim.testsupport;

import org.jspecify.annotations.NullMarked;
