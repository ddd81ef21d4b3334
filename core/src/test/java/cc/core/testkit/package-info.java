/** Helpers the storage and live-state tests of every module share: waiting for futures, throwaway databases. */
package cc.core.testkit;
