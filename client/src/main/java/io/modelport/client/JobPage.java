package io.modelport.client;

import java.util.List;

/**
 * A page of training jobs, newest first.
 *
 * @param items the jobs
 * @param page the page number
 * @param size the page size
 * @param total the jobs in all pages
 * @author Modelport Team
 */
public record JobPage(List<TrainingJob> items, int page, int size, long total) {

}
