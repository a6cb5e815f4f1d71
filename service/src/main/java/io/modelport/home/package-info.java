/**
 * The service's front page.
 */
package io.modelport.home;
