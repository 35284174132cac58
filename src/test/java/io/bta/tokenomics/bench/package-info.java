/**
 * Benchmark support, present only when the {@code bench} Spring profile is active: endpoints that
 * the suite in {@code bench/} drives to measure the HTTP stack alone ({@code POST /api/bench/echo},
 * the B2 baseline), the ledger's Java facade without HTTP ({@code POST
 * /api/bench/inprocess-transfers}, W1c), and a fast set-up of many accounts ({@code POST
 * /api/bench/setup}). It uses the ledger only through its facade and owns no tables.
 *
 * <p>It is test code: the production jar does not contain it. {@code bench/run.sh} runs that jar
 * with this module added to its class path (ADR 0027); in the tests it is on the class path, and
 * without the profile none of its beans exist.
 */
package io.bta.tokenomics.bench;
