/** Long runs of the whole server: whether heap, threads and open files stay flat and every record stays complete. */
package cc.bench.soak;
