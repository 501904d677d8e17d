/**
 * The embedded default and the load generator: an in-process MQTT broker ({@link org.frischluft.sim.EmbeddedBroker}),
 * the demo school ({@link org.frischluft.sim.DemoSchool}), its physics ({@link org.frischluft.sim.SchoolSimulation}),
 * TTN v3 uplinks with real sensor bytes ({@link org.frischluft.sim.TtnUplinks}), a publishing simulated school
 * ({@link org.frischluft.sim.SimulatedSchool}) and a burst publisher for benchmarks
 * ({@link org.frischluft.sim.LoadGenerator}). No JavaFX, no ingest: what it sends must decode with any correct
 * TTN client.
 */
package org.frischluft.sim;
