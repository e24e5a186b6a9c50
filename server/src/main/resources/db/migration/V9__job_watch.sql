-- Processes that serve people read the jobs changed since they last looked (JobWatch), to tell
-- their browsers about jobs that worker processes run.
CREATE INDEX job_updated ON job (updated_at);
