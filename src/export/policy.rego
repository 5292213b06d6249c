# The portrules decision procedure in Rego (OPA 1.x syntax), generic over the table:
# every status, cell, field, fact and time rule lives in data.json beside this file,
# so an update of the data alone changes the policy. portrules writes this file when
# it exports a rule file; the equivalence tests in policy_test.rego hold it to the
# answers of portrules' own engine.
#
# input: one request as `portrules batch` reads it:
#   {"status": S, "action": A, "field"?: F, "facts"?: {NAME: VALUE}, "now"?: RFC 3339}
# data.PACKAGE.decision: the answer object; data.PACKAGE.allow: its `allowed` alone.
# A request that cannot be answered gets decision "deny", allowed false and an
# `error`: a policy engine fails closed.
package __PACKAGE__

# The table. Read by parts: reading the whole package path would include these rules.
tbl := data.__PACKAGE__.table

# Time rules followed from the stated status, at most; the exporter refuses tables
# that need more, and data that needs more is refused below.
max_steps := 16

default allow := false

allow := decision.allowed

rules_ref := {"name": tbl.name, "version": tbl.version}

decision := result if {
	count(errors) == 0
	result := answer
} else := {
	"decision": "deny",
	"allowed": false,
	"error": error_text,
	"rules": rules_ref,
}

error_text := concat("; ", sort(errors)) if count(errors) > 0

else := "the request could not be answered"

# Names are matched as portrules matches them: trimmed, any case, and every run of
# spaces, tabs, `_` and `-` taken as one `_`.
norm(name) := concat("_", [part |
	some part in split(replace(replace(replace(lower(trim_space(name)), "-", "_"), " ", "_"), "\t", "_"), "_")
	part != ""
])

request_keys := {"status", "action", "field", "id", "facts", "now"}

given(key) if {
	is_object(input)
	key in object.keys(input)
	input[key] != null
}

errors contains "the request must be a JSON object" if not is_object(input)

errors contains sprintf("unknown key `%s`: a request has status, action, field, id, facts and now", [key]) if {
	is_object(input)
	some key in object.keys(input)
	not key in request_keys
}

errors contains sprintf("missing `%s`", [key]) if {
	is_object(input)
	some key in ["status", "action"]
	not given(key)
}

errors contains sprintf("`%s` must be a string", [key]) if {
	some key in ["status", "action", "field", "now"]
	given(key)
	not is_string(input[key])
}

errors contains "`facts` must be an object" if {
	given("facts")
	not is_object(input.facts)
}

errors contains sprintf("unknown status `%s`", [input.status]) if {
	is_string(input.status)
	not status_id
}

errors contains sprintf("unknown action `%s`", [input.action]) if {
	is_string(input.action)
	not action_id
}

errors contains sprintf("unknown field `%s`", [input.field]) if {
	given("field")
	is_string(input.field)
	not field_id
}

errors contains sprintf("unknown fact `%s`", [name]) if {
	some name, _ in given_facts
	not tbl.names.facts[norm(name)]
}

errors contains sprintf("fact `%s` is given twice", [fact]) if {
	some fact in duplicated
}

duplicated contains fact if {
	some fact in tbl.names.facts
	count([name | some name, _ in given_facts; tbl.names.facts[norm(name)] == fact]) > 1
}

errors contains sprintf("fact `%s`: %v is not a %s", [fact, value, tbl.facts[fact].type]) if {
	some name, value in given_facts
	fact := tbl.names.facts[norm(name)]
	not parse_fact(tbl.facts[fact].type, value)
}

errors contains "`now` is not a date and time; write it in RFC 3339" if {
	given("now")
	is_string(input.now)
	not time.parse_rfc3339_ns(input.now)
}

errors contains "the time rules need more steps than this policy follows; export it again" if {
	tbl.steps > max_steps
}

# Whatever the data says about its depth: a path cut short is refused, not answered.
errors contains "the time rules need more steps than this policy follows; export it again" if {
	step(effective) != effective
}

errors contains sprintf("cannot answer %s × %s: fact `%s` (%s) is required; give it in \"facts\"", [
	tbl.statuses[status_id].label, tbl.actions[action_id].label, fact, tbl.facts[fact].label,
]) if {
	some fact in required_facts
}

given_facts := input.facts if {
	given("facts")
	is_object(input.facts)
} else := {}

# Ids are their own normalized form: an exact match skips the normalizing.
status_id := id if {
	id := tbl.names.statuses[input.status]
} else := tbl.names.statuses[norm(input.status)]

action_id := id if {
	id := tbl.names.actions[input.action]
} else := tbl.names.actions[norm(input.action)]

field_id := id if {
	given("field")
	id := tbl.names.fields[input.field]
} else := tbl.names.fields[norm(input.field)] if given("field")

default field_or_null := null

field_or_null := field_id

# A fact's value by its declared type; undefined when it is not one.
parse_fact("datetime", value) := time.parse_rfc3339_ns(trim_space(value)) if is_string(value)

parse_fact("number", value) := value if is_number(value)

parse_fact("number", value) := to_number(trim_space(value)) if is_string(value)

parse_fact("string", value) := trim_space(value) if is_string(value)

# As `batch` reads them: another JSON value stands for its JSON text.
parse_fact("string", value) := json.marshal(value) if not is_string(value)

# One value per fact: a fact given twice is refused above, and left out here so that
# the object has one key per fact.
facts := {fact: parsed |
	some name, value in given_facts
	fact := tbl.names.facts[norm(name)]
	not fact in duplicated
	parsed := parse_fact(tbl.facts[fact].type, value)
}

now_ns := time.parse_rfc3339_ns(input.now) if given("now")

else := time.now_ns()

# Time rules: at each status the first rule that holds moves the order on; a rule
# whose fact is missing is passed over (and noted below).
operand(rule) := now_ns + rule.shift_ns if "shift_ns" in object.keys(rule)

operand(rule) := rule.value if "value" in object.keys(rule)

compare("lt", a, b) if a < b

compare("le", a, b) if a <= b

compare("gt", a, b) if a > b

compare("ge", a, b) if a >= b

compare("eq", a, b) if a == b

compare("ne", a, b) if a != b

holds(rule) if compare(rule.op, facts[rule.fact], operand(rule))

holding(status) := {i | some i, rule in tbl.statuses[status].time_rules; holds(rule)}

step(status) := tbl.statuses[status].time_rules[min(h)].to if {
	h := holding(status)
	count(h) > 0
} else := status

# The statuses an order passes through, from the stated one to where it settles. Each
# level follows one time rule, and only as far as the rules lead: a status without
# time rules costs one step.
path0(status) := array.concat([status], path1(next)) if {
	next := step(status)
	next != status
} else := [status]

path1(status) := array.concat([status], path2(next)) if {
	next := step(status)
	next != status
} else := [status]

path2(status) := array.concat([status], path3(next)) if {
	next := step(status)
	next != status
} else := [status]

path3(status) := array.concat([status], path4(next)) if {
	next := step(status)
	next != status
} else := [status]

path4(status) := array.concat([status], path5(next)) if {
	next := step(status)
	next != status
} else := [status]

path5(status) := array.concat([status], path6(next)) if {
	next := step(status)
	next != status
} else := [status]

path6(status) := array.concat([status], path7(next)) if {
	next := step(status)
	next != status
} else := [status]

path7(status) := array.concat([status], path8(next)) if {
	next := step(status)
	next != status
} else := [status]

path8(status) := array.concat([status], path9(next)) if {
	next := step(status)
	next != status
} else := [status]

path9(status) := array.concat([status], path10(next)) if {
	next := step(status)
	next != status
} else := [status]

path10(status) := array.concat([status], path11(next)) if {
	next := step(status)
	next != status
} else := [status]

path11(status) := array.concat([status], path12(next)) if {
	next := step(status)
	next != status
} else := [status]

path12(status) := array.concat([status], path13(next)) if {
	next := step(status)
	next != status
} else := [status]

path13(status) := array.concat([status], path14(next)) if {
	next := step(status)
	next != status
} else := [status]

path14(status) := array.concat([status], path15(next)) if {
	next := step(status)
	next != status
} else := [status]

path15(status) := [status]

visited := path0(status_id)

effective := visited[count(visited) - 1]

earlier_holds(status, i) if {
	some j in holding(status)
	j < i
}

# Facts a time rule needed but the request lacked, in the order portrules meets them.
missing := [{"fact": rule.fact, "target": rule.to} |
	some status in visited
	some i, rule in tbl.statuses[status].time_rules
	not facts[rule.fact]
	not earlier_holds(status, i)
]

# A cell's answer, narrowed to the field asked about.
effect(cell) := "allow" if {
	cell.decision == "limited"
	field_id in cell.fields
} else := "deny" if {
	cell.decision == "limited"
	field_id
} else := cell.decision

cell := tbl.statuses[effective].cells[action_id]

base := effect(cell)

# A missing fact matters when the status its rule leads to answers otherwise.
matters(w, d) if effect(tbl.statuses[w.target].cells[action_id]) != d

matters(w, d) if {
	d == "limited"
	tbl.statuses[w.target].cells[action_id].fields != cell.fields
}

strict(w) if tbl.facts[w.fact].if_missing != "warn"

flips := [i | some i, w in missing; strict(w); matters(w, base)]

first_flip := min(flips) if count(flips) > 0

final := "deny" if first_flip >= 0

else := base

required_facts := [w.fact |
	some j, w in missing
	j >= first_flip
	tbl.facts[w.fact].if_missing == "error"
	required_at(j, w)
]

required_at(j, _) if j == first_flip

required_at(j, w) if {
	j > first_flip
	matters(w, "deny")
}

# Where the action moves the order: along the first of its transitions whose guard
# holds or that has none (the last never has one). Unknown (null) when a guard on the
# way needs a fact the request lacks, as for portrules.
step_state(move) := "taken" if not move.when

else := "taken" if holds(move.when)

else := "passed" if facts[move.when.fact]

else := "unknown"

moves_here := tbl.statuses[effective].moves[action_id]

open_moves := [i | some i, move in moves_here; step_state(move) != "passed"]

leads_to := moves_here[open_moves[0]].to if {
	final != "deny"
	count(open_moves) > 0
	step_state(moves_here[open_moves[0]]) == "taken"
}

else := null

answer := {
	"decision": final,
	"allowed": final != "deny",
	"status": status_id,
	"status_label": tbl.statuses[status_id].label,
	"action": action_id,
	"action_label": tbl.actions[action_id].label,
	"field": field_or_null,
	"fields": cell.fields,
	"note": cell.note,
	"remedy": cell.remedy,
	"effective_status": effective,
	"effective_status_label": tbl.statuses[effective].label,
	"leads_to": leads_to,
	"missing_facts": [w.fact | some w in missing],
	"rules": rules_ref,
}
