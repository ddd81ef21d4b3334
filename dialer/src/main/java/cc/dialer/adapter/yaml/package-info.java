/** The {@code dialer:} section of the server configuration, read with file-and-key errors. */
package cc.dialer.adapter.yaml;
