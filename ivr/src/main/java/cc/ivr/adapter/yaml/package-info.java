/** Flows from YAML files: one file per flow, checked when loaded, reloaded when the directory changes. */
package cc.ivr.adapter.yaml;
