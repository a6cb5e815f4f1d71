/**
 * Cross-cutting web concerns: RFC 9457 problem details, request limits, API settings.
 */
package io.modelport.web;
