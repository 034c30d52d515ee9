"""督办: the activities due soon or overdue, by 牵头部门, followed up in place."""
