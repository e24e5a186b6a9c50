/**
 * Durable processing jobs: a queue in the database, a bounded pool of workers with leases and
 * heartbeats, retries with backoff for passing failures, and exactly-once results.
 */
@NullMarked
package dev.verbatim.server.job;

import org.jspecify.annotations.NullMarked;
