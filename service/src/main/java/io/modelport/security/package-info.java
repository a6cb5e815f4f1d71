/**
 * API keys, the scope each endpoint needs, and the security headers of every response.
 */
package io.modelport.security;
