-- Why a rule change was made, as the person who deployed it said (the Rules page in Cockpit asks for it; a
-- deployment through the REST API or Camunda Modeler has none).
alter table rule_change add column reason varchar(1000);
