package cc.ivr.app;

import cc.core.app.customer.CustomerStore;
import cc.ivr.domain.engine.FlowInterpreter;
import io.vertx.core.Vertx;

import java.time.InstantSource;

/** What every IVR session needs from outside its channel. Shared, immutable. */
public record IvrServices(Vertx vertx, FlowInterpreter interpreter, FlowLibrary flows, CustomerStore customers,
                          SelfServiceData data, HttpLookup http, InstantSource clock) {}
