/** Redis (through Lettuce's async API) for live state shared by several server nodes. */
package cc.core.adapter.redis;
