// A partner portal written against the generated client only (openapi-typescript + openapi-fetch): if the contract
// and the host disagree, the type check or this run fails. Run by tests/clients/run.sh against a real host.
import createClient from "openapi-fetch";
import type { components, paths } from "./generated/api.d.ts";

type Booking = components["schemas"]["BookingDto"];

const baseUrl = process.env.PORTAL_BASE_URL ?? "http://127.0.0.1:5080";
const adminKey = process.env.PORTAL_ADMIN_KEY ?? "";
const api = (key: string) => createClient<paths>({ baseUrl, headers: { "X-Api-Key": key } });

/** The data of a call, or a thrown error with the problem's code. */
function ok<T>(call: { data?: T; error?: unknown; response: Response }, what: string): T {
  if (call.data === undefined) {
    throw new Error(`${what}: ${call.response.status} ${JSON.stringify(call.error)}`);
  }
  return call.data;
}

function check(condition: boolean, what: string): void {
  if (!condition) {
    throw new Error(`check failed: ${what}`);
  }
  console.log(`  ok: ${what}`);
}

const address = { line1: "24, rue Etienne Rognon", postalCode: "69007", city: "Lyon" };
const admin = api(adminKey);

// The operator of Culture pour tous and its partners, as the platform admin and the operator set them up.
const operatorOrg = ok(await admin.POST("/api/v1/organizations", { body: { name: "ALLIES – Culture pour tous (portail)", kind: "association", address } }), "operator");
ok(await admin.POST("/api/v1/programs/{key}/operators", { params: { path: { key: "culture-pour-tous" } }, body: { organizationId: operatorOrg.id } }), "make operator");
const operatorKey = ok(await admin.POST("/api/v1/organizations/{id}/credentials", { params: { path: { id: operatorOrg.id } }, body: { role: "operator-admin", label: "portail" } }), "operator key").key;
const operator = api(operatorKey);
const partner = ok(await operator.POST("/api/v1/organizations", { body: { name: "Association Passerelles (portail)", kind: "social-service", address } }), "partner");
ok(await operator.POST("/api/v1/organizations/{id}/contacts", { params: { path: { id: partner.id } }, body: { fullName: "Karim R.", email: "referent@passerelles.example", roles: ["referent"] } }), "referent");
const partnerKey = ok(await operator.POST("/api/v1/organizations/{id}/credentials", { params: { path: { id: partner.id } }, body: { role: "partner", label: "portail" } }), "partner key").key;
const bookerKey = ok(await operator.POST("/api/v1/organizations/{id}/credentials", { params: { path: { id: partner.id } }, body: { role: "booker", label: "portail" } }), "booker key").key;
const theatre = ok(await operator.POST("/api/v1/organizations", { body: { name: "Théâtre du Confluent (portail)", kind: "cultural-institution", address } }), "theatre");
const publisherKey = ok(await operator.POST("/api/v1/organizations/{id}/credentials", { params: { path: { id: theatre.id } }, body: { role: "publisher", label: "portail" } }), "publisher key").key;

// The partner's convention, drafted, sent and signed by both parties' named signatories.
const today = new Date();
const season = today.getMonth() >= 9 ? today.getFullYear() : today.getFullYear() - 1;
const convention = ok(await operator.POST("/api/v1/conventions", {
  body: {
    templateKey: "culture-pour-tous/social-partner", operatorOrganizationId: operatorOrg.id, partnerOrganizationId: partner.id,
    startsOn: `${season}-10-01`, endsOn: `${season + 1}-09-30`, place: "Lyon",
    operatorSignatory: { fullName: "Anne Sophie CONDEMINE", title: "Présidente" }, partnerSignatory: { fullName: "Claire MARTIN", title: "Directrice" },
  },
}), "draft");
ok(await operator.POST("/api/v1/conventions/{id}/send-for-signature", { params: { path: { id: convention.id } } }), "send");
// Each party names a signatory contact its own organization registered, and signs through its own key; the server dates it.
const presidente = ok(await operator.POST("/api/v1/organizations/{id}/contacts", { params: { path: { id: operatorOrg.id } }, body: { fullName: "Anne Sophie CONDEMINE", title: "Présidente", roles: ["signatory"] } }), "operator signatory");
const directrice = ok(await api(partnerKey).POST("/api/v1/organizations/{id}/contacts", { params: { path: { id: partner.id } }, body: { fullName: "Claire MARTIN", title: "Directrice", roles: ["signatory"] } }), "partner signatory");
ok(await operator.POST("/api/v1/conventions/{id}/signatures", { params: { path: { id: convention.id } }, body: { party: "operator", contactId: presidente.id, place: "Lyon" } }), "operator signs");
const signed = ok(await api(partnerKey).POST("/api/v1/conventions/{id}/signatures", { params: { path: { id: convention.id } }, body: { party: "partner", contactId: directrice.id, place: "Lyon" } }), "partner signs");
check(signed.status === "active", `the convention is active (${signed.status})`);
const evidence = ok(await api(partnerKey).GET("/api/v1/conventions/{id}/evidence", { params: { path: { id: convention.id } } }), "evidence");
check(evidence.signatures.length === 2 && evidence.signatures.every((s) => s.documentSha256 === signed.documentSha256), "each signature's evidence names the hash signed");

// The theatre deposits invitations; the structure finds them with a category filter.
const publisher = api(publisherKey);
const startsAt = new Date(today.getTime() + 10 * 24 * 3600 * 1000).toISOString();
const offer = ok(await publisher.POST("/api/v1/offers", {
  body: { publisherOrganizationId: theatre.id, title: "Le Malade imaginaire", category: "show", venueName: "Théâtre du Confluent", city: "Lyon", description: "Comédie-ballet de Molière.", sessions: [{ startsAt, seats: 10 }] },
}), "offer");
const booker = api(bookerKey);
const shows = ok(await booker.GET("/api/v1/offers", { params: { query: { category: "show" } } }), "offers by category");
check(shows.items.some(o => o.id === offer.id) && shows.items.every(o => o.category === "show"), "the category filter lists the show and only shows");
const session = offer.sessions[0];
if (session === undefined) {
  throw new Error("the offer has no session");
}

// A booking with one guest, sent with an Idempotency-Key; its invitations and counter-mark.
const beneficiary = ok(await booker.POST("/api/v1/beneficiaries", { body: { displayName: "Samia K." } }), "beneficiary");
const key = crypto.randomUUID();
const book = () => booker.POST("/api/v1/bookings", {
  params: { header: { "Idempotency-Key": key } },
  body: { sessionId: session.id, beneficiaryId: beneficiary.id, guests: [{ fullName: "Yanis K.", relation: "family" }] },
});
const first = await book();
const booking: Booking = ok(first, "booking");
check(first.response.status === 201 && booking.status === "confirmed" && booking.invitations.length === 2, "booked: confirmed, two nominative invitations");
const invitation = booking.invitations[0];
if (invitation === undefined) {
  throw new Error("no invitation");
}
const mark = await booker.GET("/api/v1/invitations/{id}/document", { params: { path: { id: invitation.id } }, parseAs: "text" });
check(mark.response.headers.get("content-type")?.startsWith("text/html") === true && (mark.data ?? "").includes(invitation.code), "the counter-mark is HTML with the invitation's code");

// The retry (a timeout on the portal's side) is answered again, not booked again.
const retry = await book();
check(retry.response.headers.get("Idempotent-Replayed") === "true" && ok(retry, "retry").id === booking.id, "the retry with the same key is replayed, same booking");
const seats = ok(await booker.GET("/api/v1/offers/{id}", { params: { path: { id: offer.id } } }), "offer again").sessions[0]?.seatsLeft;
check(seats === 8, `two seats taken once (${seats} left)`);

// More bookings, then the list page by page.
for (const name of ["Jean-Marc P.", "Inès B.", "Louis D."]) {
  const other = ok(await booker.POST("/api/v1/beneficiaries", { body: { displayName: name } }), "beneficiary");
  ok(await booker.POST("/api/v1/bookings", { body: { sessionId: session.id, beneficiaryId: other.id } }), "booking");
}
const seen: string[] = [];
let cursor: string | undefined;
do {
  const page = ok(await booker.GET("/api/v1/bookings", { params: { query: { sessionId: session.id, limit: 2, cursor } } }), "bookings page");
  seen.push(...page.items.map(b => b.id));
  cursor = page.next ?? undefined;
} while (cursor !== undefined);
check(seen.length === 4 && new Set(seen).size === 4, `four bookings over the pages, none twice (${seen.length})`);

// Cancelled: every invitation goes with it.
const cancelled = ok(await booker.POST("/api/v1/bookings/{id}/cancel", { params: { path: { id: booking.id } } }), "cancel");
check(cancelled.status === "cancelled" && cancelled.invitations.every(i => i.status === "cancelled"), "cancelled with its invitations");
console.log("portal script: every step held");
