-- What a customer may look up about an order on the public self-service page: its number, where it stands and
-- since when, and the phone used when ordering (the page asks for its last four digits as a second factor).
-- Runs unchanged on PostgreSQL 15 and on H2 in PostgreSQL mode.

-- the number printed on the customer's receipt; null for orders loaded before V13
alter table customer_orders add column order_number varchar(32);
-- received, processing, shipped, delivered, cancelled
alter table customer_orders add column status varchar(16) not null default 'received';
alter table customer_orders add column status_at timestamp with time zone;
-- the phone given with the order, as typed
alter table customer_orders add column phone varchar(32) not null default '';
create unique index customer_orders_number_uq on customer_orders (order_number);
