-- The console's opportunities move to core's sales_opportunities (core V10), the one record of opportunities, with
-- their ids (links and the pop keep working), and the console's table is dropped. Runs unchanged on PostgreSQL 15 and
-- on H2 in PostgreSQL mode, neither of which lets a script set an identity to a computed value; so the identity is
-- walked past the console's ids by drawing one value per id, and what core V10 put there (the customer history,
-- whose ids nothing refers to) is put back after the console's rows, with ids drawn after theirs.

create table sales_opportunities_v3 as select * from sales_opportunities;
delete from sales_opportunities;

-- one identity value drawn for each id up to the console's highest (plus one when the console has none)
insert into sales_opportunities (customer_id, title, amount, currency, probability, owner, stage)
with recursive ids (n) as (
    select 1
    union all
    select n + 1 from ids where n < (select coalesce(max(id), 0) from opportunities)
)
select 0, 'console V3', 0, 'XXX', 0, '', 'console-v3' from ids;
delete from sales_opportunities where stage = 'console-v3';

-- the console kept no stage, product or closing time: open ones enter the first configured stage's default code
-- (qualify; an unknown stage is shown as it is and may be changed by its owner), closed ones their closing state,
-- closed at their last change
insert into sales_opportunities (id, customer_id, interaction_id, title, amount, currency, probability, owner, status,
                                 stage, created_at, updated_at, closed_at)
select id, customer_id, interaction_id, title, amount, currency, probability, owner, status,
       case when status = 'open' then 'qualify' else status end, created_at, updated_at,
       case when status = 'open' then null else updated_at end
from opportunities order by id;

insert into sales_opportunities (customer_id, interaction_id, title, amount, currency, probability, owner, status,
                                 stage, product, lost_reason, expected_close, created_at, updated_at, closed_at)
select customer_id, interaction_id, title, amount, currency, probability, owner, status, stage, product, lost_reason,
       expected_close, created_at, updated_at, closed_at
from sales_opportunities_v3 order by id;

drop table sales_opportunities_v3;
drop table opportunities;
