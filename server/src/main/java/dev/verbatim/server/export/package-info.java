/** Meetings as downloadable documents: minutes in Markdown, PDF and DOCX; subtitles; JSON. */
@NullMarked
package dev.verbatim.server.export;

import org.jspecify.annotations.NullMarked;
