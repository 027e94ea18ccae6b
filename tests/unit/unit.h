/* unit.h: the unit test entry points */
void	check(int, const char *);
void	unit_json(void);
void	unit_jval(void);
void	unit_out(void);
void	unit_path(void);
void	unit_rec(void);
void	unit_suite(void);
void	unit_tool(void);
void	unit_oracle(void);
void	unit_ident(void);
