-- Numbers added from the console (DialerAddresses.DNC_ADD) keep who added them; registry imports leave it empty.
alter table dialer_do_not_call add column added_by varchar(100) not null default '';
