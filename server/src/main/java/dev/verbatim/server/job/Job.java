package dev.verbatim.server.job;

/**
 * One run of the pipeline for one meeting, as claimed by a worker.
 *
 * @param attempts how many times a worker has claimed it, this time included
 */
record Job(String id, String meetingId, int attempts) {}
