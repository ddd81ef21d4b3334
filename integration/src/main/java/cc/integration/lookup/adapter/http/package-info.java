/** Lookups over HTTP: the Vert.x client with a per-lookup timeout, circuit breaker (resilience4j) and cache (Caffeine). */
package cc.integration.lookup.adapter.http;
