/**
 * Reading the YAML configuration: typed access by key, with every error naming the file and the key, and unknown
 * keys refused so a typo never silently falls back to a default.
 */
package cc.core.config;
