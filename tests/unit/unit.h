/* unit.h: the unit test entry points */
void	check(int, const char *);
void	unit_json(void);
void	unit_jval(void);
