/** The command line: process, serve and bench, with progress and clear failures. */
@NullMarked
package dev.verbatim.server.cli;

import org.jspecify.annotations.NullMarked;
