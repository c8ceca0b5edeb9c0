package org.calicomesos.app.netmodules;

/**
 * One net-modules command. It builds its typed command from the arguments first — so a rejected request
 * never reaches the datastore — and only then runs the use case.
 */
interface CommandHandler {
  Reply handle(RequestArgs args);
}
