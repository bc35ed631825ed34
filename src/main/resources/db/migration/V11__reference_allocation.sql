-- Every procurement reference ever handed out: the primary key makes two requests unable to get the same number,
-- whatever the database's isolation does with concurrent counters.
create table reference_allocation (
    allocation_year     integer        not null,
    allocation_number   integer        not null,
    allocated_at        timestamp with time zone not null,
    constraint pk_reference_allocation primary key (allocation_year, allocation_number)
);

-- Numbers already handed out by the per-year counter this table replaces.
insert into reference_allocation (allocation_year, allocation_number, allocated_at)
    select counter_year, last_number, current_timestamp from reference_counter where last_number > 0;

drop table reference_counter;
