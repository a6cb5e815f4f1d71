package io.modelport.jobs;

import java.util.List;

/**
 * One page of training jobs.
 *
 * @param items the jobs, newest first
 * @param page the page number, from 0
 * @param size the page size
 * @param total the number of jobs matching the filter
 * @author Modelport Team
 */
public record JobPage(List<TrainingJob> items, int page, int size, long total) {

}
