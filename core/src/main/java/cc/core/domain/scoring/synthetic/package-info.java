/**
 * A seeded, deterministic generator of a contact center's customer history with known churn drivers planted, for
 * tests, benchmarks and the demo. In main code (not a test kit) so the benchmarks module and the launcher's demo can
 * use it as well as the tests.
 */
package cc.core.domain.scoring.synthetic;
