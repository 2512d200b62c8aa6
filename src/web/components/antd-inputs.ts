/**
 * antd's Select and Input, and the Tooltip and Popover the top bar and the groups list show, on
 * their own module, so the first screen can load them after it shows: with them came antd's
 * popup machinery and the form store their context isolation imports (~20 KB gzip).
 */
export { Input, Popover, Select, Tooltip } from 'antd';
