/** The HTTP face of Verbatim. It grows into the REST API and web UI; today it reports health. */
@NullMarked
package dev.verbatim.server.web;

import org.jspecify.annotations.NullMarked;
