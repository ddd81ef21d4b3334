/** The operations endpoints over HTTP: /health for load balancers and monitors, /metrics for Prometheus. */
package cc.core.adapter.http;
