/** antd's Select and Input on their own module, so the first screen can load them after it shows. */
export { Input, Select } from 'antd';
