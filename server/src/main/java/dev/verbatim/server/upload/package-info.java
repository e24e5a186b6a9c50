/**
 * Recordings coming in: multipart uploads, resumable (tus 1.0) uploads, and the meeting each one
 * becomes.
 */
@NullMarked
package dev.verbatim.server.upload;

import org.jspecify.annotations.NullMarked;
